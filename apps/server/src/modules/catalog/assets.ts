import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build, transform } from 'esbuild';

// The public pages' enhancement scripts, bundled once per server with esbuild (minified, one file
// per page) and served under content-hashed names. Leaflet ships only inside the outlets bundle.

const CLIENT = path.join(import.meta.dirname, 'client');
const ENTRIES = ['search', 'product', 'outlets'] as const;
export type ScriptName = (typeof ENTRIES)[number];

export type Asset = { file: string; type: string; body: string };
export type PublicAssets = {
  script(name: ScriptName): string;
  mapStyles: string;
  css: string;
  byFile: Map<string, Asset>;
};

const hashed = (name: string, ext: string, body: string) =>
  `${name}.${createHash('sha256').update(body).digest('hex').slice(0, 10)}.${ext}`;

const require = createRequire(import.meta.url);
const readPackageFile = (spec: string) => fs.readFileSync(require.resolve(spec), 'utf8');

/** Map markers drawn in CSS, so the page needs no marker images. */
/**
 * Our map pin, and the attribution's links underlined: Leaflet tells them from the text by colour
 * alone, which readers who cannot see the colour miss (axe: link-in-text-block).
 */
const MAP_CSS =
  '.outlet-pin span{display:block;width:18px;height:18px;border-radius:50%;background:#1f6f4a;border:3px solid #fff;box-shadow:0 0 0 1px #1f6f4a}' +
  '.leaflet-control-attribution a{text-decoration:underline}';

async function bundle(): Promise<PublicAssets> {
  const result = await build({
    entryPoints: ENTRIES.map((e) => path.join(CLIENT, `${e}.ts`)),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    outdir: 'out',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const byFile = new Map<string, Asset>();
  const scripts = new Map<string, string>();
  for (const out of result.outputFiles) {
    const name = path.basename(out.path, '.js');
    const file = hashed(name, 'js', out.text);
    byFile.set(file, { file, type: 'text/javascript; charset=utf-8', body: out.text });
    scripts.set(name, `/catalog/assets/${file}`);
  }
  const mapCss = [
    readPackageFile('leaflet/dist/leaflet.css'),
    readPackageFile('leaflet.markercluster/dist/MarkerCluster.css'),
    readPackageFile('leaflet.markercluster/dist/MarkerCluster.Default.css'),
    MAP_CSS,
  ].join('\n');
  const mapFile = hashed('map', 'css', mapCss);
  byFile.set(mapFile, { file: mapFile, type: 'text/css; charset=utf-8', body: mapCss });
  return {
    script: (name) => scripts.get(name)!,
    mapStyles: `/catalog/assets/${mapFile}`,
    css: (
      await transform(fs.readFileSync(path.join(import.meta.dirname, 'pages', 'public.css'), 'utf8'), {
        loader: 'css',
        minify: true,
      })
    ).code,
    byFile,
  };
}

/** The assets, built on first use and kept for the life of the server. */
export function createPublicAssets() {
  let building: Promise<PublicAssets> | null = null;
  return {
    load(): Promise<PublicAssets> {
      building ??= bundle().catch((err: unknown) => {
        building = null;
        throw err;
      });
      return building;
    },
  };
}
