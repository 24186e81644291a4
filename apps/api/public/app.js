// Progressive enhancement only: every page works without this script.
document.addEventListener('DOMContentLoaded', () => {
  // Move focus to the error summary so keyboard and screen-reader users hear it first.
  const summary = document.querySelector('[data-autofocus]');
  if (summary instanceof HTMLElement) summary.focus();
  // Ask before destructive actions.
  for (const form of document.querySelectorAll('form[data-confirm]')) {
    form.addEventListener('submit', (event) => {
      if (!window.confirm(form.getAttribute('data-confirm') ?? '')) event.preventDefault();
    });
  }
});
