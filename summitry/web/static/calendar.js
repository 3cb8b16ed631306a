// Optional comfort only: every page works without this file.
// Selecting a kind or status in a filter form submits it at once.
document.addEventListener("DOMContentLoaded", () => {
  for (const select of document.querySelectorAll("form.filters select")) {
    select.addEventListener("change", () => select.form.requestSubmit());
  }
});
