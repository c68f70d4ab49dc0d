// Countries as ACLED and UCDP name and number them: ISO 3166 numeric (world-countries' ccn3),
// the three-letter code that prefixes ACLED's event ids, ACLED's spelling and ACLED's region.
import { createRequire } from "node:module";
import acled from "./data/acled.json" with { type: "json" };

export interface CountryInfo {
  iso2: string;
  iso3: string;
  /** ISO 3166-1 numeric, null where the country has none (Kosovo). */
  isoNumeric: number | null;
  /** ACLED's spelling ("Turkey", "Democratic Republic of Congo"). */
  name: string;
  /** ACLED's region ("Middle East", "Western Africa"); null when unmapped. */
  region: string | null;
}

interface WorldCountry {
  cca2: string;
  cca3: string;
  ccn3: string;
  subregion: string;
  name: { common: string };
}

const ACLED_NAMES: Record<string, string> = acled.country_names;
const REGION_BY_SUBREGION: Record<string, string> = acled.regions.by_subregion;
const REGION_BY_COUNTRY: Record<string, string> = acled.regions.by_country;

const require = createRequire(import.meta.url);
let byIso2: Map<string, CountryInfo> | null = null;

function table(): Map<string, CountryInfo> {
  byIso2 ??= new Map(
    (require("world-countries") as WorldCountry[]).map((c) => [
      c.cca2,
      {
        iso2: c.cca2,
        iso3: c.cca3,
        isoNumeric: c.ccn3 ? Number(c.ccn3) : null,
        name: ACLED_NAMES[c.cca2] ?? c.name.common,
        region: REGION_BY_COUNTRY[c.cca2] ?? REGION_BY_SUBREGION[c.subregion] ?? null,
      },
    ]),
  );
  return byIso2;
}

/** countryInfo("SY") -> { iso3: "SYR", isoNumeric: 760, name: "Syria", region: "Middle East" }; null when unknown. */
export function countryInfo(iso2: string | null | undefined): CountryInfo | null {
  return iso2 ? (table().get(iso2.toUpperCase()) ?? null) : null;
}

/** "SY" -> "Syria"; an unknown code is returned as it is. */
export function countryName(code: string | null): string | null {
  return code ? (countryInfo(code)?.name ?? code) : null;
}
