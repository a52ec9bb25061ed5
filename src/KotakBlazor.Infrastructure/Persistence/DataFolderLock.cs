namespace KotakBlazor.Infrastructure.Persistence;

/// <summary>
/// Holds an exclusive lock on a file in the data folder for the life of the process.
/// Two engines on one database would each think they own the orders; the second one
/// must refuse to start instead.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    private readonly FileStream _stream;

    private DataFolderLock(FileStream stream) => _stream = stream;

    public static DataFolderLock Acquire(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.GetFullPath(Path.Combine(folder, "kotakblazor.lock"));
        try
        {
            // FileShare.None takes an OS-level exclusive lock (flock on Linux).
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new DataFolderLock(stream);
        }
        catch (IOException ex)
        {
            throw new DatabaseStartupException(
                $"The data folder '{Path.GetFullPath(folder)}' is in use by another KotakBlazor process (lock file '{path}'). " +
                "Stop the other instance, or give this one its own data folder with Data:Folder.", ex);
        }
    }

    public void Dispose() => _stream.Dispose();
}
