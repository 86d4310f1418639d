// Demo only: points <peer-path-frame> at the same server under its other name (localhost and
// 127.0.0.1 are different origins), before the element starts.
const frame = document.querySelector('peer-path-frame');
const other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
frame.setAttribute('src', `${location.protocol}//${other}:${location.port}/embed.html`);
