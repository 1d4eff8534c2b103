// Catalogue search page enhancement: suggestions while typing, filters applied on change.
// The page works without it (plain GET forms).

type Suggestion = { kind: 'product' | 'producer'; id: string; name: string };
type SuggestResult = { items: Suggestion[]; didYouMean: string[] };

const form = document.querySelector<HTMLFormElement>('form[data-suggest]');
const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
const list = document.getElementById('q-suggest');

function link(href: string, text: string, hint?: string): HTMLLIElement {
  const li = document.createElement('li');
  li.setAttribute('role', 'option');
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  if (hint) {
    const small = document.createElement('small');
    small.textContent = ` · ${hint}`;
    a.append(small);
  }
  li.append(a);
  return li;
}

if (form && input && list) {
  const endpoint = form.dataset.suggest!;
  const hints = {
    product: document.documentElement.lang === 'en' ? 'product' : 'sản phẩm',
    producer: document.documentElement.lang === 'en' ? 'producer' : 'nhà sản xuất',
  };
  let timer: number | undefined;
  let asked = 0;
  const hide = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  };
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) return hide();
    timer = window.setTimeout(async () => {
      const mine = ++asked;
      const res = await fetch(`${endpoint}?q=${encodeURIComponent(q)}`, { headers: { accept: 'application/json' } });
      if (!res.ok || mine !== asked) return;
      const body = (await res.json()) as SuggestResult;
      const items = body.items.map((s) =>
        link(s.kind === 'product' ? `/catalog/products/${s.id}` : `/catalog/producers/${s.id}`, s.name, hints[s.kind]),
      );
      const closest = body.didYouMean.map((name) => link(`/catalog?q=${encodeURIComponent(name)}`, name));
      list.replaceChildren(...items, ...closest);
      list.hidden = items.length + closest.length === 0;
      input.setAttribute('aria-expanded', String(!list.hidden));
    }, 150);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && !list.hidden) {
      e.preventDefault();
      list.querySelector('a')?.focus();
    } else if (e.key === 'Escape') hide();
  });
  list.addEventListener('keydown', (e) => {
    const current = document.activeElement?.closest('li');
    if (e.key === 'ArrowDown') (current?.nextElementSibling?.querySelector('a') as HTMLElement | null)?.focus();
    else if (e.key === 'ArrowUp')
      ((current?.previousElementSibling?.querySelector('a') as HTMLElement | null) ?? input).focus();
    else if (e.key === 'Escape') {
      hide();
      input.focus();
    } else return;
    e.preventDefault();
  });
  document.addEventListener('click', (e) => {
    if (!form.contains(e.target as Node)) hide();
  });
}

// A changed filter applies at once.
for (const select of document.querySelectorAll<HTMLSelectElement>('details[data-filters] select'))
  select.addEventListener('change', () => select.form?.submit());
