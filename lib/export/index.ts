import { enableStaticFallback } from "./shared";

export * from "./atomic";
export * from "./stable-output";
export * from "./exporter";
export * from "./export-figures";
export * from "./html-pages";
export * from "./table";
export * from "./registry";
export * from "./report-pack";
export * from "./shared";

// Importing lib/export makes showAsync() render PNG fallbacks (the browser starts on first use only).
if (process.env.CASPIAN_STATIC_FALLBACK !== "0") enableStaticFallback();
