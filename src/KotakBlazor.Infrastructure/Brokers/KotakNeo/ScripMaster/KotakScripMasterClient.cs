using System.Net.Http.Headers;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;

/// <summary>Finds the day's scrip-master files and downloads and parses them.</summary>
public sealed partial class KotakScripMasterClient
{
    private readonly HttpClient _http;
    private readonly IKotakScripMasterAccess _access;
    private readonly KotakScripMasterOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<KotakScripMasterClient> _logger;

    /// <summary>Creates the client.</summary>
    public KotakScripMasterClient(
        HttpClient http,
        IKotakScripMasterAccess access,
        IOptions<KotakScripMasterOptions> options,
        TimeProvider timeProvider,
        ILogger<KotakScripMasterClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _access = access ?? throw new ArgumentNullException(nameof(access));
        _options = options.Value;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Asks Kotak where today's CSV files are.</summary>
    /// <exception cref="HttpRequestException">The call failed or answered with an error status.</exception>
    /// <exception cref="ScripMasterFormatException">The answer lacks <c>data.filesPaths</c>.</exception>
    public async Task<IReadOnlyList<ScripMasterFile>> GetFilesAsync(CancellationToken cancellationToken)
    {
        var access = await _access.GetAsync(cancellationToken);
        var baseUrl = !string.IsNullOrWhiteSpace(_options.BaseUrl)
            ? new Uri(_options.BaseUrl, UriKind.Absolute)
            : access.BaseUrl ?? throw new InvalidOperationException(
                "No base URL for the scrip master: log in to Kotak first, or set Kotak:ScripMaster:BaseUrl.");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, _options.FilePathsPath));

        // Kotak wants the bare token, no "Bearer": TryAddWithoutValidation keeps it as given.
        request.Headers.TryAddWithoutValidation("Authorization", access.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var timeout = Timeout(cancellationToken);
        using var response = await _http.SendAsync(request, timeout.Token);
        var body = await response.Content.ReadAsStringAsync(timeout.Token);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"The scrip-master file-paths call answered {(int)response.StatusCode} {response.ReasonPhrase}: {(body.Length > 300 ? body[..300] : body)}",
                null,
                response.StatusCode);
        }

        var files = ScripMasterFilePaths.Parse(body, _options.FileHost);
        LogFilesFound(files.Count, string.Join(", ", files.Select(f => f.Name)));
        return files;
    }

    /// <summary>Downloads one CSV and parses it as it streams in.</summary>
    /// <exception cref="HttpRequestException">The download failed.</exception>
    /// <exception cref="ScripMasterFormatException">The file has no usable header.</exception>
    public async Task<ScripMasterParseResult> DownloadAsync(ScripMasterFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var timeout = Timeout(cancellationToken);
        using var response = await _http.GetAsync(file.Url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Downloading {file.Name} answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
        using var reader = new StreamReader(stream);
        var result = await ScripMasterCsvParser.ParseAsync(reader, file.Name, timeout.Token);
        LogFileParsed(file.Name, result.Instruments.Count, result.Problems.Count);
        foreach (var problem in result.Problems.Take(20))
        {
            LogRowSkipped(problem.File, problem.Line, problem.Reason);
        }

        return result;
    }

    private KotakTimeout Timeout(CancellationToken cancellationToken) => new(_options.DownloadTimeout, _timeProvider, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scrip master: {Count} file(s) today: {Files}")]
    private partial void LogFilesFound(int count, string files);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scrip master {File}: {Instruments} instruments, {Problems} row(s) skipped")]
    private partial void LogFileParsed(string file, int instruments, int problems);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scrip master {File} line {Line} skipped: {Reason}")]
    private partial void LogRowSkipped(string file, int line, string reason);
}
