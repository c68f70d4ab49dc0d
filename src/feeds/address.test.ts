import { test } from "node:test";
import assert from "node:assert/strict";
import { AddressRefused, allowListOf, checkAddress, checkUrl } from "./address.ts";

const NONE = allowListOf(undefined);
const LOOPBACK = allowListOf("127.0.0.0/8");

test("public addresses may be fetched", () => {
  for (const ip of ["93.184.216.34", "8.8.8.8", "2606:4700::1111"]) assert.doesNotThrow(() => checkAddress(ip, NONE), ip);
});

test("link-local and metadata addresses are refused even when allowed", () => {
  const allowAll = allowListOf("0.0.0.0/0,::/0");
  for (const ip of ["169.254.169.254", "169.254.1.1", "100.100.100.200", "fe80::1", "fd00:ec2::254", "::ffff:169.254.169.254", "0.0.0.0"]) {
    assert.throws(() => checkAddress(ip, allowAll), AddressRefused, ip);
  }
});

test("private and loopback addresses are refused unless listed", () => {
  for (const ip of ["127.0.0.1", "10.0.0.5", "172.16.3.4", "192.168.1.1", "::1", "fd12::1", "::ffff:127.0.0.1", "100.64.0.1"]) {
    assert.throws(() => checkAddress(ip, NONE), AddressRefused, ip);
  }
  assert.doesNotThrow(() => checkAddress("127.0.0.1", LOOPBACK));
  assert.doesNotThrow(() => checkAddress("::ffff:127.0.0.1", LOOPBACK));
  assert.throws(() => checkAddress("10.0.0.5", LOOPBACK), AddressRefused);
});

test("only http(s) URLs without credentials or metadata host names", () => {
  assert.doesNotThrow(() => checkUrl(new URL("https://news.example/feed")));
  for (const url of ["file:///etc/passwd", "ftp://news.example/feed", "gopher://x/", "http://user:pw@news.example/", "http://metadata.google.internal/computeMetadata/v1/"]) {
    assert.throws(() => checkUrl(new URL(url)), AddressRefused, url);
  }
});

test("a malformed allow list is an error, not an empty list", () => {
  for (const value of ["127.0.0.0/33", "localhost", "10.0.0.0/x"]) assert.throws(() => allowListOf(value), /ESCAPEWATCH_FETCH_ALLOW/, value);
});
