using System.Security.Cryptography;

namespace Marketplace.Identity.Tokens;

/// <summary>
/// Key material on disk is readable by its owner alone: directories 0700, files 0600 (on Unix), whatever the umask,
/// and files left wider by an older version are narrowed when read.
/// </summary>
public static class KeyFiles
{
    private const UnixFileMode OwnerDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static DirectoryInfo OwnerOnlyDirectory(string path)
    {
        var directory = OperatingSystem.IsWindows() ? Directory.CreateDirectory(path) : Directory.CreateDirectory(path, OwnerDirectory);
        if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(path) != OwnerDirectory)
        {
            File.SetUnixFileMode(path, OwnerDirectory);
        }

        return directory;
    }

    /// <summary>An RSA key kept as PKCS#8 PEM at <paramref name="path"/>, generated on first use.</summary>
    public static RSA LoadOrCreateRsa(string path)
    {
        var rsa = RSA.Create(2048);
        if (File.Exists(path))
        {
            NarrowToOwner(path);
            rsa.ImportFromPem(File.ReadAllText(path));
            return rsa;
        }

        var temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerFile;
        }

        using (var writer = new StreamWriter(temp, options))
        {
            writer.Write(rsa.ExportPkcs8PrivateKeyPem());
        }

        NarrowToOwner(temp);
        File.Move(temp, path, overwrite: false);
        return rsa;
    }

    private static void NarrowToOwner(string path)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerFile) != 0)
        {
            File.SetUnixFileMode(path, OwnerFile);
        }
    }
}
