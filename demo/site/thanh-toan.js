// Payment pages and the fee receipt: the print button (the pages work without it).
for (const button of document.querySelectorAll('[data-print]')) {
  button.addEventListener('click', () => window.print());
}
