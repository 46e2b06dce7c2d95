/**
 * A corpus of cross-site scripting payloads (after the OWASP XSS filter-evasion cheat sheet and
 * PortSwigger's list), each written so that, if it ever runs, it leaves a trace the test can see:
 * it sets `window.__xss`, opens a dialog, or leaves an element carrying `data-xss` in the page.
 */
const RUN = "window.__xss=1";

export const XSS_PAYLOADS: readonly string[] = [
  // plain script tags, in and out of the JSON that Remix inlines into the page
  `<script data-xss>${RUN}</script>`,
  `</script><script data-xss>${RUN}</script>`,
  `"></script><script data-xss>${RUN}</script>`,
  `</title><script data-xss>${RUN}</script>`,
  `</textarea><script data-xss>${RUN}</script>`,
  `</style><script data-xss>${RUN}</script>`,
  `<!--<script data-xss>${RUN}</script>-->`,
  `<SCRIPT data-xss>${RUN}</SCRIPT>`,
  `<scr<script>ipt data-xss>${RUN}</scr</script>ipt>`,
  `<script data-xss src="data:text/javascript,${RUN}"></script>`,
  `\\u003cscript data-xss\\u003e${RUN}\\u003c/script\\u003e`,
  `\u2028\u2029<script data-xss>${RUN}</script>`,
  // event handlers
  `<img data-xss src=x onerror="${RUN}">`,
  `<img data-xss src=x onerror=alert(1)>`,
  `<svg data-xss onload=${RUN}>`,
  `<svg data-xss><script>${RUN}</script></svg>`,
  `<body data-xss onload=${RUN}>`,
  `<iframe data-xss srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  `<iframe data-xss src="javascript:parent.__xss=1"></iframe>`,
  `<details data-xss open ontoggle=${RUN}>`,
  `<input data-xss autofocus onfocus=${RUN}>`,
  `<select data-xss autofocus onfocus=${RUN}></select>`,
  `<video data-xss><source onerror=${RUN}></video>`,
  `<audio data-xss src=x onerror=${RUN}>`,
  `<marquee data-xss onstart=${RUN}>x</marquee>`,
  `<div data-xss onpointerenter=${RUN} style="position:fixed;inset:0">x</div>`,
  `<object data-xss data="javascript:${RUN}"></object>`,
  `<embed data-xss src="javascript:${RUN}">`,
  `<math data-xss><mtext><table><mglyph><style><img src=x onerror=${RUN}>`,
  `<form data-xss><button formaction="javascript:${RUN}">x</button></form>`,
  // attribute breakouts
  `" onmouseover="${RUN}" data-xss="`,
  `' onfocus='${RUN}' autofocus data-xss='`,
  `" autofocus onfocus=${RUN} data-xss x="`,
  `"><img data-xss src=x onerror=${RUN}>`,
  `'><img data-xss src=x onerror=${RUN}>`,
  "`><img data-xss src=x onerror=" + RUN + ">",
  `" style="background:url(javascript:${RUN})" data-xss="`,
  // URLs that some renderers turn into links
  `javascript:${RUN}`,
  `JaVaScRiPt:${RUN}`,
  `java\tscript:${RUN}`,
  `&#106;avascript:${RUN}`,
  `data:text/html,<script>${RUN}</script>`,
  `vbscript:msgbox(1)`,
  `[click](javascript:${RUN})`,
  `![x](x" onerror="${RUN})`,
  `<a data-xss href="javascript:${RUN}">click</a>`,
  // entity and encoding tricks
  `&lt;script data-xss&gt;${RUN}&lt;/script&gt;`,
  `&#60;img data-xss src=x onerror=${RUN}&#62;`,
  `%3Cscript%20data-xss%3E${RUN}%3C/script%3E`,
  `<img data-xss src=x onerror=&#119;indow.__xss=1>`,
  `<<script data-xss>${RUN};//<</script>`,
  `<img data-xss """><script>${RUN}</script>">`,
  // template and framework injections
  `{{constructor.constructor('${RUN}')()}}`,
  `\${${RUN}}`,
  `{{__html: "<img data-xss src=x onerror=${RUN}>"}}`,
  `__proto__[innerHTML]=<img data-xss src=x onerror=${RUN}>`,
  `<base data-xss href="javascript:/">`,
  `<meta data-xss http-equiv="refresh" content="0;url=javascript:${RUN}">`,
  `<link data-xss rel=import href="data:text/html,<script>${RUN}</script>">`,
  `<style data-xss>@import 'javascript:${RUN}';</style>`,
  `<noscript><p title="</noscript><img data-xss src=x onerror=${RUN}>">`,
  `<template><img data-xss src=x onerror=${RUN}></template>`,
  // Unicode and control characters around tags
  `<\u0001script data-xss>${RUN}</script>`,
  `\uFEFF<img data-xss src=x onerror=${RUN}>`,
  `‮<img data-xss src=x onerror=${RUN}>`,
  `<ｓｃｒｉｐｔ>${RUN}</ｓｃｒｉｐｔ>`,
  `名字<script data-xss>${RUN}</script>名字`,
];

/** Installed before any page script: a trap for dialogs and blocked inline scripts. */
export const XSS_TRAP_SCRIPT = `
  window.__xss = 0;
  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    if (/script/.test(e.violatedDirective)) window.__cspViolations.push(
      e.violatedDirective + " " + (e.sample || e.blockedURI) + " at " + e.sourceFile + ":" + e.lineNumber + ":" + e.columnNumber,
    );
  });
`;
