// Swagger UI over the document this server serves. The document names the default port as its server;
// "Try it out" calls the server that served this page instead, wherever it listens.
window.ui = SwaggerUIBundle({
  url: "/openapi.yaml",
  dom_id: "#swagger-ui",
  deepLinking: true,
  requestInterceptor: (req) => {
    const target = new URL(req.url, window.location.href);
    req.url = window.location.origin + target.pathname + target.search;
    return req;
  },
});
