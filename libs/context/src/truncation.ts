import { countTokens } from './token-count';

/**
 * Cutting text to fit, always saying so inside the text: the model must know something is missing.
 * Cuts never split a UTF-16 surrogate pair.
 */

/** Keeps the last `keep` characters; the front is replaced by a marker. */
export function keepEnd(text: string, keep: number): string {
  if (text.length <= keep) return text;
  const cut = pairSafe(text, text.length - keep);
  return `[… ${countTokens(text.slice(0, cut))} earlier tokens cut to fit the context …]\n${text.slice(cut)}`;
}

/** Keeps about `keep` characters, half from the beginning and half from the end, with a marker where the middle was. */
export function keepBeginningAndEnd(text: string, keep: number): string {
  if (text.length <= keep) return text;
  const headEnd = pairSafe(text, Math.ceil(keep / 2));
  const tailStart = pairSafe(text, text.length - Math.floor(keep / 2));
  return `${text.slice(0, headEnd)}\n[… ${countTokens(text.slice(headEnd, tailStart))} tokens cut here to fit the context …]\n${text.slice(tailStart)}`;
}

/**
 * The largest n in [low, high] for which `fits(n)` holds, by binary search; `fits(low)` must hold.
 * Whatever it returns fits, even where `fits` is not perfectly monotone.
 */
export function largestFitting(low: number, high: number, fits: (n: number) => boolean): number {
  let best = low;
  let lo = low + 1;
  let hi = high;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) {
      best = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best;
}

/** Moves a cut index off the middle of a surrogate pair. */
function pairSafe(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff ? index + 1 : index;
}
