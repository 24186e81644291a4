// Recruitment-event pages: the print button of the timetables (no inline scripts: CSP).
document.addEventListener('DOMContentLoaded', () => {
  for (const button of document.querySelectorAll('[data-print]')) {
    button.addEventListener('click', () => window.print());
  }
});
