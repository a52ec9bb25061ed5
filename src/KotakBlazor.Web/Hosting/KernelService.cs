using KotakBlazor.Core.Kernel;
using KotakBlazor.Web.Strategies;

namespace KotakBlazor.Web.Hosting;

/// <summary>Runs the kernel loop and, once it runs, resumes the stored strategies.</summary>
internal sealed class KernelService(TradingKernel kernel, StrategyManager strategies, ILogger<KernelService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loop = kernel.RunAsync(stoppingToken);
        try
        {
            await strategies.ResumeStoredAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Stored strategies could not be resumed; the kernel runs without them");
        }

        await loop;
    }
}
