import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 600_000,
    pool: "forks",
    // Tests run notebooks side by side on a small machine: a kernel may take over a minute to answer there, which
    // is not what they test (users keep the runner's 60 s; a test that checks the timeout sets its own).
    env: { CASPIAN_KERNEL_STARTUP_TIMEOUT: process.env.CASPIAN_KERNEL_STARTUP_TIMEOUT ?? "180" },
  },
});
