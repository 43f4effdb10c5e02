import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet from 'helmet';
import { describe, expect, it } from 'vitest';
import { applySecurityHeaders, contentSecurityPolicy, recordSecurityHeaders } from './security-headers.js';

const response = () => {
  const res = new ServerResponse(new IncomingMessage(new Socket()));
  res.setHeader('X-Powered-By', 'test');
  return res;
};

describe('the recorded security headers', () => {
  it('are exactly what helmet writes on a response, the content security policy included', () => {
    const byHelmet = response();
    helmet({ contentSecurityPolicy })(byHelmet.req, byHelmet, () => undefined);
    const byRecord = response();
    applySecurityHeaders(byRecord, recordSecurityHeaders());
    expect(byRecord.getHeaders()).toEqual(byHelmet.getHeaders());
    expect(byRecord.getHeader('content-security-policy')).toContain("script-src 'self'");
    expect(byRecord.getHeader('x-powered-by')).toBeUndefined();
  });
});
