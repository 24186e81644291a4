/* global HTMLCanvasElement, HTMLInputElement, HTMLButtonElement, Image */
// The consent wizard's signature pad: drawing with a finger, pen or mouse on the canvas
// fills the hidden "signature" field with a PNG (data URL), and choosing "signed on the
// screen" is implied by drawing. Keyboard users answer with the typed name instead.
document.addEventListener('DOMContentLoaded', () => {
  for (const pad of document.querySelectorAll('[data-signature-pad]')) {
    const canvas = pad.querySelector('canvas');
    const field = pad.querySelector('[data-signature-value]');
    const clear = pad.querySelector('[data-signature-clear]');
    if (!(canvas instanceof HTMLCanvasElement) || !(field instanceof HTMLInputElement)) continue;
    const context = canvas.getContext('2d');
    if (!context) continue;
    context.lineWidth = 2.5;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = '#000';
    let drawing = false;
    let drawn = false;

    // Pointer position in the canvas's own pixels (it may be scaled by CSS).
    const point = (event) => {
      const box = canvas.getBoundingClientRect();
      return {
        x: ((event.clientX - box.left) * canvas.width) / box.width,
        y: ((event.clientY - box.top) * canvas.height) / box.height,
      };
    };
    const save = () => {
      field.value = drawn ? canvas.toDataURL('image/png') : '';
    };

    canvas.addEventListener('pointerdown', (event) => {
      event.preventDefault();
      canvas.setPointerCapture(event.pointerId);
      drawing = true;
      const p = point(event);
      context.beginPath();
      context.moveTo(p.x, p.y);
      // A dot for a tap, so a single touch still shows.
      context.lineTo(p.x + 0.1, p.y + 0.1);
      context.stroke();
      drawn = true;
      const way = document.querySelector('input[name="way"][value="signature_on_screen"]');
      if (way instanceof HTMLInputElement) way.checked = true;
    });
    canvas.addEventListener('pointermove', (event) => {
      if (!drawing) return;
      const p = point(event);
      context.lineTo(p.x, p.y);
      context.stroke();
    });
    const end = () => {
      if (!drawing) return;
      drawing = false;
      save();
    };
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
    canvas.addEventListener('pointerleave', end);

    if (clear instanceof HTMLButtonElement) {
      clear.addEventListener('click', () => {
        context.clearRect(0, 0, canvas.width, canvas.height);
        drawn = false;
        save();
      });
    }
    // A signature kept from a re-shown page is drawn again so the user sees it.
    if (field.value.startsWith('data:image/png;base64,')) {
      const image = new Image();
      image.addEventListener('load', () => {
        context.drawImage(image, 0, 0);
        drawn = true;
      });
      image.src = field.value;
    }
  }
});
