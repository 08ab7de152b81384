/**
 * The address printed beside a sheet's QR code, for a reader who cannot
 * scan it and types it instead.
 */
import { absoluteUrl } from '../urls.ts';

/**
 * The page's address as printed: without `https://` and the trailing slash,
 * which browsers add by themselves, so there is less to read and type.
 */
export function printedAddress(siteUrl: string, page: string): string {
  return absoluteUrl(siteUrl, page)
    .replace(/^https?:\/\//, '')
    .replace(/\/$/, '');
}

/**
 * The printed address in two lines, for a piece too narrow for one (a
 * badge): the host, then the path with its leading slash. The break falls
 * where a reader expects one and the slash shows that the lines go
 * together; an address without a path stays one line.
 */
export function addressLines(address: string): string[] {
  const slash = address.indexOf('/');
  return slash <= 0 ? [address] : [address.slice(0, slash), address.slice(slash)];
}
