// The scan log's pure rules: what is kept of where a scan came from, which kind of device it
// was, and when two scans of one code look like a cloned label.

export type UserAgentClass = 'phone' | 'desktop' | 'bot';

/** Coarse location: a point rounded to 0.1° (about 11 km), enough to tell provinces apart, not homes. */
export type CoarsePoint = { lat: number; lng: number };

export const COARSE_STEP_DEGREES = 0.1;
/** One code scanned this far apart … */
export const ANOMALY_DISTANCE_KM = 300;
/** … within this many minutes cannot be one physical label. */
export const ANOMALY_WINDOW_MINUTES = 30;

export function coarsen(lat: number, lng: number): CoarsePoint | null {
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  const round = (v: number) => Math.round(v / COARSE_STEP_DEGREES) / (1 / COARSE_STEP_DEGREES);
  return { lat: round(lat), lng: round(lng) };
}

const BOT = /bot|crawl|spider|slurp|curl|wget|python|httpclient|java\/|go-http|okhttp|headless|lighthouse|preview/i;
const PHONE = /mobi|android|iphone|ipod|ipad|tablet|zalo|windows phone/i;

/** phone (phones and tablets, including in-app browsers such as Zalo's), desktop, or bot. */
export function classifyUserAgent(userAgent: string | null | undefined): UserAgentClass {
  const ua = userAgent ?? '';
  if (ua === '' || BOT.test(ua)) return 'bot';
  return PHONE.test(ua) ? 'phone' : 'desktop';
}

/** Great-circle distance in kilometres (haversine, mean Earth radius). */
export function distanceKm(a: CoarsePoint, b: CoarsePoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type LocatedScan = { at: Date; point: CoarsePoint };

/**
 * The earlier scan (of the same code) that makes `scan` suspicious: one more than 300 km away
 * within 30 minutes either side; the farthest such one, or null. Scans without a point are
 * never compared: a province code alone cannot prove a distance.
 */
export function clonedLabelEvidence<S extends LocatedScan>(
  scan: LocatedScan,
  earlier: readonly S[],
): (S & { km: number }) | null {
  const windowMs = ANOMALY_WINDOW_MINUTES * 60_000;
  let worst: (S & { km: number }) | null = null;
  for (const other of earlier) {
    if (Math.abs(scan.at.getTime() - other.at.getTime()) > windowMs) continue;
    const km = distanceKm(scan.point, other.point);
    if (km > ANOMALY_DISTANCE_KM && (!worst || km > worst.km)) worst = { ...other, km };
  }
  return worst;
}
