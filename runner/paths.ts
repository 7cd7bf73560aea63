import { join } from "node:path";
import { checkoutRoot } from "../lib/data/paths";

/** The checkout's root folder (this file is compiled to dist/runner/). */
export const projectRoot: string = checkoutRoot(__dirname);

/** The Python that has Jupyter: Debian's, not whatever `python3` is first on PATH. */
export const jupyterPython: string = process.env.CASPIAN_PYTHON ?? "/usr/bin/python3";

/** Project-local Jupyter data folder holding the tslab kernelspec written by scripts/setup.sh. */
export const jupyterPath: string = join(projectRoot, ".jupyter");

/** Environment for Jupyter processes: the project's kernelspec first on JUPYTER_PATH. */
export function jupyterEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const rest = base.JUPYTER_PATH ? `:${base.JUPYTER_PATH}` : "";
  return { ...base, JUPYTER_PATH: `${jupyterPath}${rest}`, PYTHONWARNINGS: "ignore" };
}
