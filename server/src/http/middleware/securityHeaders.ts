import type { Middleware } from 'koa';
import helmet from 'koa-helmet';

/** Browser features the app never uses, switched off for it and anything it might embed. */
const PERMISSIONS_POLICY = ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'serial', 'hid', 'midi', 'display-capture'].map((feature) => `${feature}=()`).join(', ');

/**
 * Security headers on every response. The CSP allows scripts only from our origin (the built
 * app has no inline script) and no inline script at all. 'unsafe-eval' stays until the web
 * app's form validation (ajv, through rjsf) is precompiled: ajv compiles each schema with
 * `new Function`, and without it no form can be submitted. Styles need 'unsafe-inline': bpmn-js and dmn-js insert markup with
 * style attributes (the powered-by badge, align/distribute icons), which CSP treats as inline
 * styles. Fonts and images may be data: URIs (small assets the bundler inlines, diagram
 * exports). HSTS only when cookies are secure, i.e. the app is served over HTTPS.
 */
export function securityHeaders(options: { hsts: boolean }): Middleware {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-eval'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: options.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  return async (ctx, next) => {
    ctx.set('Permissions-Policy', PERMISSIONS_POLICY);
    await headers(ctx, next);
  };
}
