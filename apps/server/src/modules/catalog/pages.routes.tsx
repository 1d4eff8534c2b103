/** @jsxRuntime automatic @jsxImportSource react */
import {
  catalogSearchQuerySchema,
  nearPointSchema,
  pickPublicLanguage,
  uuidSchema,
  type CatalogSearchQuery,
  type NearPoint,
  type PageQuery,
  type PublicLanguage,
  type PublicOutlet,
  type PublicOutletListQuery,
  type VerifyResult,
} from '@hoptac/core';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { AppError } from '../../kernel/errors.ts';
import type { createPublicAssets, PublicAssets } from './assets.ts';
import type { CatalogService } from './catalog.service.ts';
import { translator, type Translate } from './pages/i18n.ts';
import { Layout, type PageMeta } from './pages/layout.tsx';
import { NotFoundPage, OutletsPage, type OutletsView } from './pages/outlets-page.tsx';
import { publicProductPath } from '@hoptac/core';
import { producerJsonLd, ProducerPage } from './pages/producer-page.tsx';
import { productJsonLd, ProductPage, type WhereToBuy } from './pages/product-page.tsx';
import { SearchPage } from './pages/search-page.tsx';
import { VerifyPage } from './pages/verify-page.tsx';

type Page<T> = { items: T[]; total: number };

/** What the pages need from the outlets module (its index.ts). */
export type OutletsReader = {
  listPublicOutlets(q: PublicOutletListQuery): Promise<Page<PublicOutlet>>;
  outletsStockingProduct(productId: string, near?: NearPoint, page?: PageQuery): Promise<Page<PublicOutlet>>;
};
/** What the verify pages need from the OCOP verification service. */
export type CodeVerifier = {
  verifyCode(code: string): Promise<VerifyResult>;
  productQrUrl(productId: string, origin: string): Promise<string | null>;
};

export type PagesDeps = {
  catalog: CatalogService;
  outlets: OutletsReader | null;
  verify: CodeVerifier | null;
  assets: ReturnType<typeof createPublicAssets>;
  mapTileUrl: string;
  publicBaseUrl: string | null;
  now: () => Date;
};

const LANG_COOKIE = 'hoptac_lang';
const OUTLETS_PAGE = 200;

type Ctx = { lang: PublicLanguage; t: Translate; origin: string; path: string; assets: PublicAssets };

/** Drops the query parameters that do not validate, so a bad link still shows a page. */
function lenientSearchQuery(raw: Record<string, unknown>): CatalogSearchQuery {
  const parsed = catalogSearchQuerySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  return catalogSearchQuerySchema.parse(Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k))));
}

/** Server-rendered public pages: readable without JavaScript, each with its small enhancement script. */
export const pagesRoutes: FastifyPluginAsync<PagesDeps> = async (app, deps) => {
  const { catalog } = deps;

  async function context(request: FastifyRequest, reply: FastifyReply): Promise<Ctx> {
    const query = request.query as Record<string, string | undefined>;
    const asked = query.lang === 'vi' || query.lang === 'en' ? query.lang : undefined;
    const lang = pickPublicLanguage(asked, request.cookies[LANG_COOKIE]);
    if (asked) reply.setCookie(LANG_COOKIE, asked, { path: '/', maxAge: 365 * 86_400, sameSite: 'lax' });
    const url = new URL(request.url, 'http://x');
    url.searchParams.delete('lang');
    return {
      lang,
      t: translator(lang),
      origin: (deps.publicBaseUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, ''),
      path: `${url.pathname}${url.search}`,
      assets: await deps.assets.load(),
    };
  }

  function send(
    reply: FastifyReply,
    ctx: Ctx,
    meta: Omit<PageMeta, 'path'>,
    body: ReactNode,
    status = 200,
    cacheControl = 'no-cache',
  ) {
    const html = renderToStaticMarkup(
      <Layout lang={ctx.lang} t={ctx.t} meta={{ ...meta, path: ctx.path }} origin={ctx.origin} css={ctx.assets.css}>
        {body}
      </Layout>,
    );
    return reply
      .status(status)
      .header('cache-control', cacheControl)
      .header('content-language', ctx.lang)
      .type('text/html; charset=utf-8')
      .send(`<!doctype html>${html}`);
  }

  const notFound = (reply: FastifyReply, ctx: Ctx) =>
    send(
      reply,
      ctx,
      { title: ctx.t('notFound.title'), description: ctx.t('notFound.text'), noindex: true },
      <NotFoundPage t={ctx.t} />,
      404,
    );

  /** Runs a page; a missing record becomes the friendly 404 page rather than a JSON error. */
  async function page(request: FastifyRequest, reply: FastifyReply, render: (ctx: Ctx) => Promise<unknown>) {
    const ctx = await context(request, reply);
    try {
      return await render(ctx);
    } catch (err) {
      if (err instanceof AppError && err.code === 'NOT_FOUND') return notFound(reply, ctx);
      throw err;
    }
  }

  const hide = { schema: { hide: true } };

  app.get('/catalog/assets/:file', hide, async (request, reply) => {
    const asset = (await deps.assets.load()).byFile.get((request.params as { file: string }).file);
    if (!asset) return reply.status(404).type('text/plain').send('Not found');
    return reply.header('cache-control', 'public, max-age=31536000, immutable').type(asset.type).send(asset.body);
  });

  app.get('/catalog', hide, (request, reply) =>
    page(request, reply, async (ctx) => {
      const query = lenientSearchQuery(request.query as Record<string, unknown>);
      const result = await catalog.search(query);
      const title = query.q ? `${query.q} · ${ctx.t('search.title')}` : ctx.t('search.title');
      return send(
        reply,
        ctx,
        {
          title,
          description: ctx.t('search.description'),
          scripts: [ctx.assets.script('search')],
          noindex: Boolean(query.q),
        },
        <SearchPage query={query} result={result} t={ctx.t} lang={ctx.lang} />,
      );
    }),
  );

  app.get('/catalog/products/:id', hide, (request, reply) =>
    page(request, reply, async (ctx) => {
      const id = uuidSchema.safeParse((request.params as { id: string }).id);
      if (!id.success) throw new AppError('NOT_FOUND', 'No such product');
      const near = nearPointSchema.safeParse((request.query as { near?: string }).near);
      const p = await catalog.product(id.data);
      const [outlets, qrUrl] = await Promise.all([
        deps.outlets
          ? deps.outlets.outletsStockingProduct(p.id, near.success ? near.data : undefined, { page: 1, pageSize: 50 })
          : null,
        deps.verify ? deps.verify.productQrUrl(p.id, ctx.origin) : null,
      ]);
      const whereToBuy: WhereToBuy = outlets ? { ...outlets, near: near.success } : null;
      const description = (p.story ?? p.description ?? `${p.name} · ${p.producer.name}`).slice(0, 200);
      return send(
        reply,
        ctx,
        {
          title: p.name,
          description,
          ogType: 'product',
          jsonLd: [productJsonLd(p, ctx.origin, publicProductPath(p.id))],
          scripts: [ctx.assets.script('product')],
        },
        <ProductPage p={p} whereToBuy={whereToBuy} qrUrl={qrUrl} t={ctx.t} lang={ctx.lang} />,
      );
    }),
  );

  app.get('/catalog/producers/:id', hide, (request, reply) =>
    page(request, reply, async (ctx) => {
      const id = uuidSchema.safeParse((request.params as { id: string }).id);
      if (!id.success) throw new AppError('NOT_FOUND', 'No such producer');
      const p = await catalog.producer(id.data, { page: 1, pageSize: 60 });
      return send(
        reply,
        ctx,
        {
          title: p.name,
          description: (p.description ?? p.name).slice(0, 200),
          ogType: 'profile',
          jsonLd: [producerJsonLd(p, ctx.origin, ctx.path)],
        },
        <ProducerPage p={p} t={ctx.t} lang={ctx.lang} />,
      );
    }),
  );

  app.get('/outlets', hide, (request, reply) =>
    page(request, reply, async (ctx) => {
      const raw = request.query as { type?: string; commune?: string; product?: string };
      const filters = {
        type: raw.type && /^[a-z_]{2,40}$/.test(raw.type) ? raw.type : undefined,
        commune: raw.commune && /^\d{5}$/.test(raw.commune) ? raw.commune : undefined,
        product: raw.product && uuidSchema.safeParse(raw.product).success ? raw.product : undefined,
      };
      let view: OutletsView | null = null;
      if (deps.outlets) {
        const [list, all, product] = await Promise.all([
          deps.outlets.listPublicOutlets({ page: 1, pageSize: OUTLETS_PAGE, ...filters } as PublicOutletListQuery),
          deps.outlets.listPublicOutlets({ page: 1, pageSize: OUTLETS_PAGE }),
          filters.product ? catalog.product(filters.product).catch(() => null) : null,
        ]);
        const communes = new Map(all.items.map((o) => [o.communeCode, o.communeName]));
        view = {
          ...list,
          filters,
          communes: [...communes]
            .map(([code, name]) => ({ code, name }))
            .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
          productName: product?.name ?? null,
        };
      }
      return send(
        reply,
        ctx,
        {
          title: ctx.t('outlets.title'),
          description: ctx.t('outlets.description'),
          scripts: view ? [ctx.assets.script('outlets')] : [],
          styles: view ? [ctx.assets.mapStyles] : [],
        },
        <OutletsPage view={view} tileUrl={deps.mapTileUrl} t={ctx.t} />,
      );
    }),
  );

  const verify = deps.verify;
  if (verify)
    app.get('/verify/*', hide, (request, reply) =>
      page(request, reply, async (ctx) => {
        const code = decodeURIComponent((request.params as { '*': string })['*']).slice(0, 200);
        const result = await verify.verifyCode(code);
        const checkedAt = new Date(deps.now()).toLocaleString(ctx.lang === 'vi' ? 'vi-VN' : 'en-GB', {
          timeZone: 'Asia/Ho_Chi_Minh',
          dateStyle: 'short',
          timeStyle: 'short',
        });
        const state = ctx.t(`verify.state.${result.status}`);
        // Live data: a "valid" page must never be served from a cache after a revocation.
        return send(
          reply,
          ctx,
          {
            title: `${state} · ${ctx.t('verify.titleCode', { code: result.certificate?.number ?? result.code })}`,
            description: ctx.t('verify.title'),
            noindex: true,
          },
          <VerifyPage result={result} checkedAt={checkedAt} t={ctx.t} lang={ctx.lang} />,
          result.status === 'unknown' ? 404 : 200,
          'no-store',
        );
      }),
    );
};
