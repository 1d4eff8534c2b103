// Outlets page enhancement: a clustered map of the outlets listed on the page. The list is rendered
// by the server and stays complete when tiles cannot load.
import L from 'leaflet';
import 'leaflet.markercluster';

type MapOutlet = { id: string; name: string; lat: number; lng: number; address: string };

const holder = document.getElementById('map');
const data = document.getElementById('outlets-data');
if (holder && data) {
  const outlets = JSON.parse(data.textContent ?? '[]') as MapOutlet[];
  holder.hidden = false;
  const map = L.map(holder, { scrollWheelZoom: false }).setView([21.0285, 105.8542], 10);
  L.tileLayer(holder.dataset.tiles!, {
    maxZoom: 19,
    attribution: holder.dataset.attribution ?? '',
  }).addTo(map);
  const cluster = L.markerClusterGroup();
  const icon = L.divIcon({ className: 'outlet-pin', html: '<span></span>', iconSize: [18, 18] });
  for (const o of outlets) {
    const popup = document.createElement('div');
    const name = document.createElement('strong');
    name.textContent = o.name;
    popup.append(name, document.createElement('br'), o.address);
    cluster.addLayer(L.marker([o.lat, o.lng], { icon, title: o.name, alt: o.name }).bindPopup(popup));
  }
  map.addLayer(cluster);
  if (outlets.length > 0) map.fitBounds(cluster.getBounds(), { padding: [24, 24], maxZoom: 15 });
}
