// The printable report: its Print button opens the browser's print dialog (PDF from there).
document.addEventListener('DOMContentLoaded', () => {
  const button = document.getElementById('print-report');
  if (button) button.addEventListener('click', () => window.print());
});
