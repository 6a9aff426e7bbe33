/** What Strata needs to know of a layer's Terraform code. */
export interface LayerCode {
  variables: ReadonlySet<string>;
  sensitiveVariables: ReadonlySet<string>;
  outputs: ReadonlySet<string>;
  /** The layer's directory and every local module it uses, transitively, relative to the manifest's directory. */
  watchedPaths: readonly string[];
}

/** The engine's port for reading layer code; adapters/layer-code.ts reads it from the file system. */
export interface LayerCodeReader {
  read(layerPath: string): LayerCode;
}
