// Loads Prisma's schema engine as WebAssembly (@prisma/schema-engine-wasm) and connects it through a driver
// adapter. The native engine the Prisma CLI uses is downloaded on first use, which cannot happen offline or at
// start-up; the wasm build ships inside the npm package and speaks to the database through our own adapter.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

export type { SchemaEngine, MigrationList, SchemaFilter } from '@prisma/schema-engine-wasm';

type WasmBindings = typeof import('@prisma/schema-engine-wasm') & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

// wasm-bindgen keeps the instance in its JS glue module, so the module can be instantiated only once per process;
// this caches compiled code, not state, and every caller still gets its own SchemaEngine.
let bindings: Promise<WasmBindings> | undefined;

function loadBindings(): Promise<WasmBindings> {
  bindings ??= (async () => {
    // The package's entry point imports the .wasm file as an ES module, which Node 20 cannot do;
    // instantiate it by hand with the glue module as its import object instead.
    const gluePath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const glue = (await import(gluePath)) as WasmBindings;
    const bytes = await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return bindings;
}

export interface SchemaFile {
  path: string;
  content: string;
}

/** Connects a schema engine to the database behind `adapter`. Call `engine.free()` when done. */
export async function openSchemaEngine(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  schema: SchemaFile,
  log: (line: string) => void = () => {},
): Promise<SchemaEngine> {
  const glue = await loadBindings();
  return glue.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    log,
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
}

export const NO_FILTER = { externalTables: [], externalEnums: [] };
