// Client register/edit form: under a non-disclosure order the address is not stored, so
// its fields are hidden while the box is ticked (the server drops them either way).
document.addEventListener('DOMContentLoaded', () => {
  for (const box of document.querySelectorAll('input[data-non-disclosure]')) {
    const address = box.form && box.form.querySelector('[data-address]');
    if (!address) continue;
    const sync = () => {
      address.hidden = box.checked;
    };
    box.addEventListener('change', sync);
    sync();
  }
});
