import { useEffect } from 'react';

const PRODUCT = 'Hợp tác';

/** Sets the tab title to "<page> · Hợp tác" (or the product name alone). */
export function useDocumentTitle(title?: string): void {
  useEffect(() => {
    document.title = title ? `${title} · ${PRODUCT}` : PRODUCT;
  }, [title]);
}
