/**
 * Staff photos as pages show them: the addresses of the files the photo
 * step made (src/integration/photos.ts), found through the build's manifest.
 */
import context from 'virtual:siliang/context';
import { photoPath, photoSources, type PhotoRecord, type PhotoSources } from '#lib/images/photo-recipe.ts';
import { preparePhoto, readPhotoManifest, type PhotoManifest } from '#integration/photos.ts';

let manifest: PhotoManifest | undefined;

/** The processed photo of a staff member; one not in the manifest (a photo added while `astro dev` runs) is made now. */
export async function photoRecord(person: { file: string; data: { photo: string } }): Promise<PhotoRecord> {
  const rel = photoPath(person.file, person.data.photo);
  // In development a photo may be replaced at any time: look each one up afresh.
  if (import.meta.env.DEV) return preparePhoto(context.contentDir, context.photoCache, rel);
  manifest ??= readPhotoManifest(context.photoManifest);
  let record = manifest[rel];
  if (!record) manifest[rel] = record = await preparePhoto(context.contentDir, context.photoCache, rel);
  return record;
}

export async function staffPhoto(person: { file: string; data: { photo: string } }): Promise<PhotoSources> {
  return photoSources(await photoRecord(person), context.base);
}
