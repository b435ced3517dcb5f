export async function runBenchmarks(_o: { seconds: number }): Promise<void> {}
