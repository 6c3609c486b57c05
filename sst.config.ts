// SST loads this file before any provider exists, so nothing is imported at the top level:
// run() pulls in ./stacks, where every resource is declared.
export default $config({
  app(input) {
    return {
      name: "finstat",
      home: "aws",
      // Production data (uploads, database) survives `sst remove` and cannot be deleted by accident.
      removal: input?.stage === "production" ? "retain" : "remove",
      protect: input?.stage === "production",
      providers: { aws: { region: process.env.AWS_REGION ?? "eu-central-1" } },
    };
  },
  async run() {
    const { outputs } = await import("./stacks");
    return outputs;
  },
});
