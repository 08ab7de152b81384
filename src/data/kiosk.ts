/** Screens as the kiosk pages see them. Build time only. */
import type { ImageMetadata } from 'astro';
import { collectionEntries } from './collections.ts';
import type { ScreenData } from '#schemas/screen.ts';

export interface Screen {
  id: string;
  data: ScreenData<ImageMetadata>;
}

let cached: Promise<Screen[]> | undefined;

export function loadScreens(): Promise<Screen[]> {
  cached ??= collectionEntries('screens').then((list) =>
    list.map((e) => ({ id: e.id, data: e.data as ScreenData<ImageMetadata> })).sort((a, b) => a.data.name.localeCompare(b.data.name, 'zh-CN')),
  );
  return cached;
}
