// Kernel watchdog: loaded into the tslab kernel with `node --require runner/kernel-watchdog.js` (the kernelspec
// written by scripts/write-kernelspec.mjs). jupyter_client starts kernels in a session of their own, so killing
// the main job's process group (or the Jupyter server of `npm run lab`) misses them; this makes the kernel exit
// as soon as the process that started it is gone (the kernel is then re-parented, so its parent pid changes).
// Plain JavaScript, not compiled, so it works before the first build. Polls every 500 ms; the timer is unref'd
// and never keeps the kernel alive by itself.

(function watchParent() {
  // jupyter_client names the process that launched the kernel in JPY_PARENT_PID: when that process died while the
  // kernel was still loading (before this ran), the kernel is already re-parented and must not wait for a client.
  const launcher = Number(process.env.JPY_PARENT_PID);
  const parent = Number.isInteger(launcher) && launcher > 1 ? launcher : process.ppid;
  if (!parent || parent === 1) return; // started by init or a reaper: nothing to watch
  // Bound now, so a notebook that replaces process.exit or process.kill does not disarm the watchdog.
  const exit = process.exit.bind(process);
  const kill = process.kill.bind(process);
  const pid = process.pid;
  const check = () => {
    if (process.ppid !== parent) {
      try {
        process.stderr.write(`kernel-watchdog: the kernel's parent (pid ${parent}) is gone; the kernel exits\n`);
        exit(129); // runs 'exit' handlers (Playwright closes its browser)
      } finally {
        kill(pid, "SIGKILL"); // only reached when exit() did not end the process
      }
    }
  };
  check();
  const timer = setInterval(check, 500);
  timer.unref();
})();
