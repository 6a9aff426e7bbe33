/** What Strata needs to know of a layer's Terraform code. */
export interface LayerCode {
  variables: ReadonlySet<string>;
  sensitiveVariables: ReadonlySet<string>;
  outputs: ReadonlySet<string>;
  /** Outputs marked `sensitive = true`: read after every run of the layer, so their values are masked. */
  sensitiveOutputs: ReadonlySet<string>;
  /** The layer's directory and every local module it uses, transitively, relative to the manifest's directory. */
  watchedPaths: readonly string[];
  /**
   * A digest of every Terraform file of the layer and of the local modules it uses: what `init` installed
   * (modules, providers, the backend block) can only change when it does.
   */
  sourceDigest: string;
}

/** The engine's port for reading layer code; adapters/layer-code.ts reads it from the file system. */
export interface LayerCodeReader {
  read(layerPath: string): LayerCode;
}
