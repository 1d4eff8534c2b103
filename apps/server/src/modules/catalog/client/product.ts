// Product page enhancement: "nearest outlets first" asks the browser for the visitor's position and
// reloads the page sorted by distance (the server does the sorting; a coarse point is enough).

const button = document.querySelector<HTMLButtonElement>('button[data-near-me]');
if (button && 'geolocation' in navigator) {
  button.hidden = false;
  button.addEventListener('click', () => {
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        const url = new URL(window.location.href);
        url.searchParams.set('near', `${pos.coords.latitude.toFixed(3)},${pos.coords.longitude.toFixed(3)}`);
        url.hash = 'where';
        window.location.assign(url.toString());
      },
      () => {
        button.disabled = false;
      },
      { maximumAge: 600_000, timeout: 10_000 },
    );
  });
}
