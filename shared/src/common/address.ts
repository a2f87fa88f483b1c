import * as z from 'zod';
import { absentIfBlank, clearIfBlank } from './record-change';

const text = (max: number) => z.string().max(max);

/** Street and number, city, postal code, region (state, province, county) and country: leads and organisations alike. */
export const addressFields = {
  address: absentIfBlank(text(500)),
  city: absentIfBlank(text(100)),
  postalCode: absentIfBlank(text(20)),
  region: absentIfBlank(text(100)),
  country: absentIfBlank(text(100)),
};

/** The address in a patch: `null` (or a blank string) clears a part. */
export const addressPatchFields = {
  address: clearIfBlank(text(500)),
  city: clearIfBlank(text(100)),
  postalCode: clearIfBlank(text(20)),
  region: clearIfBlank(text(100)),
  country: clearIfBlank(text(100)),
};
