// The console message for a procedure file the page cannot use (src/procedure/fetch-failure.ts);
// the browser tests (test/components/form/procedure-fetch-failure.test.ts) run it on real
// failures. Here the cases a browser test cannot easily make: protocol-relative and absolute
// URLs against a <base href> on another origin, a JSON file served as JSON, other statuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fetchFailure, type FetchedResponse } from '../../../src/procedure/index.js';

const page = {
  baseURI: 'https://cms.example.gov.vn/thu-tuc/',
  location: { origin: 'https://cms.example.gov.vn' },
};
const response = (status: number, type: string): FetchedResponse => ({
  ok: status >= 200 && status < 300,
  status,
  statusText: status === 200 ? 'OK' : status === 500 ? 'Internal Server Error' : 'Gone',
  headers: { get: (name) => (name.toLowerCase() === 'content-type' ? type : null) },
});

test('the file served as JSON is no failure', () => {
  assert.equal(
    fetchFailure('x.json', page, response(200, 'application/json'), '{"code":"1"}'),
    undefined,
  );
});

test('a relative or protocol-relative URL on the page origin: no CORS advice', () => {
  for (const url of ['x.json', '//cms.example.gov.vn/x.json', 'HTTPS://CMS.example.gov.vn/x.json'])
    assert.equal(
      fetchFailure(url, page, undefined, '')?.message,
      `Cannot fetch ${url}: no response. The network failed or the server refused the connection.`,
    );
});

test('a relative URL under a <base href> on another origin is another origin', () => {
  const based = { ...page, baseURI: 'https://tainguyen.example.vn:8443/a/' };
  assert.match(
    fetchFailure('x.json', based, undefined, '')!.message,
    /^Cannot fetch x\.json: no response\. The file is on another origin \(https:\/\/tainguyen\.example\.vn:8443\) than the page \(https:\/\/cms\.example\.gov\.vn\)/,
  );
});

test('other statuses give the status, 410 the missing-file advice too', () => {
  assert.deepEqual(fetchFailure('x.json', page, response(500, 'text/plain'), 'oops'), {
    ok: false,
    code: 'procedure-fetch',
    message: 'Cannot fetch x.json: HTTP 500 Internal Server Error.',
  });
  assert.match(
    fetchFailure('x.json', page, response(410, 'text/plain'), '')!.message,
    /HTTP 410 Gone\. No file at that URL/,
  );
});

test('an HTML page sent as JSON is still an HTML page', () => {
  assert.equal(
    fetchFailure(
      'x.json',
      page,
      response(200, 'application/json'),
      '\n  <!doctype html><p>Đăng nhập</p>',
    )?.message,
    'x.json is not a procedure file but an HTML page (application/json): the server answered with another page at that URL (its "not found" page, a sign-in page, the CMS\'s own page). Check the procedure attribute and that the server serves the .json file itself.',
  );
});
