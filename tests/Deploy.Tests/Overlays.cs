using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using k8s;
using k8s.Models;

namespace Marketplace.Deploy.Tests;

/// <summary>
/// A copy of deploy/k8s in a temporary folder, with the files the evaluation steps of deploy/k8s/README.md have the
/// user create (secrets.env and dependencies.env from their .example files, self-signed signing.pfx and
/// encryption.pfx), rendered with kubectl and parsed strictly with KubernetesClient's models.
/// </summary>
public sealed class Overlays : IDisposable
{
    public static readonly string[] Names = ["production", "evaluation"];

    public string Root { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"deploy-k8s-{Guid.NewGuid():N}");

    public Overlays()
    {
        Copy(System.IO.Path.Combine(RepositoryRoot(), "deploy", "k8s"), Root);
        var evaluation = Directory("evaluation");
        foreach (var name in new[] { "secrets.env", "dependencies.env" })
        {
            File.Copy(System.IO.Path.Combine(evaluation, name + ".example"), System.IO.Path.Combine(evaluation, name), overwrite: true);
        }

        foreach (var name in new[] { "signing", "encryption" })
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest($"CN=Symbiosis Marketplace token {name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(2));
            File.WriteAllBytes(System.IO.Path.Combine(evaluation, name + ".pfx"), certificate.Export(X509ContentType.Pfx, "CHANGE-ME-" + name));
        }
    }

    public string Directory(string overlay) => System.IO.Path.Combine(Root, "overlays", overlay);

    /// <summary>Every document of the rendered overlay as its typed model; an unknown field or a wrong type fails.</summary>
    public IReadOnlyList<IKubernetesObject> Render(string overlay) => Parse(Kubectl.Kustomize(Directory(overlay)));

    public static IReadOnlyList<IKubernetesObject> Parse(string yaml) =>
        KubernetesYaml.LoadAllFromString(yaml, strict: true).Cast<IKubernetesObject>().ToList();

    public static IEnumerable<(string Workload, V1PodSpec Pod, V1PodTemplateSpec Template)> PodTemplates(IEnumerable<IKubernetesObject> objects)
    {
        foreach (var o in objects)
        {
            V1PodTemplateSpec? template = o switch
            {
                V1Deployment d => d.Spec.Template,
                V1StatefulSet s => s.Spec.Template,
                V1Job j => j.Spec.Template,
                _ => null,
            };
            if (template is not null)
            {
                yield return ($"{o.Kind}/{((IMetadata<V1ObjectMeta>)o).Metadata.Name}", template.Spec, template);
            }
        }
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Marketplace.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Marketplace.sln not found above " + AppContext.BaseDirectory);
    }

    private static void Copy(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.GetFiles(from))
        {
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        }

        foreach (var dir in System.IO.Directory.GetDirectories(from))
        {
            Copy(dir, System.IO.Path.Combine(to, System.IO.Path.GetFileName(dir)));
        }
    }

    public void Dispose() => System.IO.Directory.Delete(Root, recursive: true);
}
