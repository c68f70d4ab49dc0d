// What names a queue, without loading the queue library: commands that only read options stay light.

/** True for a location the queue can live in: a PostgreSQL URL. */
export function isQueueLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+):[^@]*@/, "$1:***@");
}
