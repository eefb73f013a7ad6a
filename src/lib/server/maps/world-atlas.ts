// The world as drawn on every map: Natural Earth 1:110m countries from the world-atlas package
// (TopoJSON, 177 shapes). Each shape's id is the ISO 3166-1 numeric code, the same as UN M49,
// so countries join on economy.m49, never on names. At this scale many small states have no
// shape at all: the maps list them in their tables instead.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import countries110m from 'world-atlas/countries-110m.json';

export type CountryShape = Feature<Geometry, { name: string }> & { id?: string };

let cache: CountryShape[] | null = null;

/** Every country shape; shapes without an id (N. Cyprus, Somaliland, Kosovo in this file) are kept, drawn as land without data. */
export function countryShapes(): CountryShape[] {
  if (!cache) {
    const topology = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const fc = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
    cache = fc.features as CountryShape[];
  }
  return cache;
}

/** The M49 codes that have a shape at this scale. */
export function drawnM49(): Set<string> {
  return new Set(countryShapes().flatMap((f) => (f.id ? [String(f.id)] : [])));
}

export const ATLAS_SOURCE = 'Natural Earth 1:110m country shapes (world-atlas 2.0.2, public domain)';
