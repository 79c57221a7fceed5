// Starts Swagger UI on /docs: an external script, as the CSP forbids inline ones.
// validatorUrl null: Swagger UI would otherwise fetch a badge from an outside validator.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var swagger = document.getElementById("swagger-ui");
    if (swagger && typeof SwaggerUIBundle !== "undefined") {
      window.ui = SwaggerUIBundle({
        url: swagger.dataset.openapi, dom_id: "#swagger-ui", validatorUrl: null,
        deepLinking: true, presets: [SwaggerUIBundle.presets.apis], layout: "BaseLayout",
      });
    }
  });
})();
