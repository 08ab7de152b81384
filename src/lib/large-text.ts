/**
 * The memory of the large-text switch (大字模式): the only script on a
 * citizen page, inlined so it costs no request. It restores the reader's
 * choice from localStorage (no cookie, nothing sent anywhere) and saves each
 * change. Storage may be missing or refused (private windows, strict
 * settings): then the switch still works for the page, as without
 * JavaScript.
 */

/** The localStorage key; its value is `1` when large text is on. */
export const LARGE_TEXT_KEY = 'siliang-large-text';

/**
 * The script's source, run right after the checkbox `#large-text` is parsed.
 * It reads the choice again on `pageshow`: a page brought back from the
 * back-forward cache keeps the state it had, not the one chosen since.
 */
export const LARGE_TEXT_MEMORY = `(function(){var b=document.getElementById('large-text'),k='${LARGE_TEXT_KEY}';if(!b)return;function r(){try{b.checked=localStorage.getItem(k)==='1'}catch(e){}}r();addEventListener('pageshow',r);b.addEventListener('change',function(){try{if(b.checked)localStorage.setItem(k,'1');else localStorage.removeItem(k)}catch(e){}})})();`;
