// Front desk keyboard flow: Enter saves the visit from any field except buttons and the
// "more details" toggle (checkboxes and radios do not submit on Enter by themselves).
document.addEventListener('DOMContentLoaded', () => {
  for (const form of document.querySelectorAll('form[data-enter-submits]')) {
    form.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.isComposing) return;
      const target = event.target;
      if (!(target instanceof HTMLElement)) return;
      if (
        target.tagName === 'TEXTAREA' ||
        target.tagName === 'BUTTON' ||
        target.tagName === 'SUMMARY' ||
        target.tagName === 'A'
      )
        return;
      event.preventDefault();
      form.requestSubmit();
    });
  }
});
