using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using Marketplace.Listings;

namespace Marketplace.Deploy.Tests;

/// <summary>
/// deploy/k8s as a cluster would receive it: every overlay rendered by kubectl, every document parsed strictly, and
/// the properties the README promises checked on the result.
/// </summary>
public sealed partial class ManifestTests(Overlays overlays) : IClassFixture<Overlays>
{
    public static TheoryData<string> OverlayNames => new(Overlays.Names);

    [KubectlFact]
    public void Every_overlay_renders_and_parses_strictly()
    {
        foreach (var overlay in Overlays.Names)
        {
            var objects = overlays.Render(overlay);
            Assert.Contains(objects, o => o is V1Deployment { Metadata.Name: "identity" });
        }
    }

    [KubectlFact]
    public void Strict_parsing_rejects_an_unknown_field_and_a_wrong_type()
    {
        Assert.ThrowsAny<Exception>(() => Overlays.Parse("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  nmespace: y\n"));
        Assert.ThrowsAny<Exception>(() => Overlays.Parse("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replicas: two\n"));
    }

    /// <summary>Every container of production, and the application's containers of evaluation (its third-party
    /// dependencies are evaluation-only and run under the namespace's "baseline" level).</summary>
    [KubectlFact]
    public void Every_application_container_runs_non_root_read_only_without_privilege_escalation()
    {
        var failures = new List<string>();
        foreach (var overlay in Overlays.Names)
        {
            foreach (var (workload, pod, _) in Overlays.PodTemplates(overlays.Render(overlay)))
            {
                foreach (var container in (pod.InitContainers ?? []).Concat(pod.Containers))
                {
                    if (overlay == "evaluation" && !container.Image.Contains("symbiosis-marketplace/", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var security = container.SecurityContext;
                    var where = $"{overlay} {workload} container {container.Name}";
                    if ((security?.RunAsNonRoot ?? pod.SecurityContext?.RunAsNonRoot) != true)
                    {
                        failures.Add($"{where}: runAsNonRoot is not true");
                    }

                    if (security?.ReadOnlyRootFilesystem != true)
                    {
                        failures.Add($"{where}: readOnlyRootFilesystem is not true");
                    }

                    if (security?.AllowPrivilegeEscalation != false)
                    {
                        failures.Add($"{where}: allowPrivilegeEscalation is not false");
                    }
                }
            }
        }

        Assert.Empty(failures);
    }

    [KubectlFact]
    public void Production_names_no_placeholder_image()
    {
        var images = Overlays.PodTemplates(overlays.Render("production"))
            .SelectMany(p => (p.Pod.InitContainers ?? []).Concat(p.Pod.Containers)).Select(c => c.Image).Distinct().ToList();
        Assert.NotEmpty(images);
        Assert.All(images, image =>
        {
            var tag = image.Contains('@', StringComparison.Ordinal) ? "digest" : image[(image.LastIndexOf(':') + 1)..];
            Assert.False(image.LastIndexOf(':') < image.LastIndexOf('/') && tag != "digest", $"{image} has no tag");
            Assert.DoesNotContain(tag, new[] { "set-by-overlay", "latest", "dev" });
            Assert.DoesNotContain("example", image, StringComparison.OrdinalIgnoreCase);
        });
    }

    [KubectlFact]
    public void The_ingress_body_limit_admits_the_largest_csv_import()
    {
        var importLimit = new ListingsOptions().MaxImportBytes;
        foreach (var overlay in Overlays.Names)
        {
            var ingress = Assert.Single(overlays.Render(overlay).OfType<V1Ingress>());
            var size = ingress.Metadata.Annotations["nginx.ingress.kubernetes.io/proxy-body-size"];
            Assert.True(NginxBytes(size) >= importLimit,
                $"{overlay}: the ingress admits {size} but a CSV import may be {importLimit / (1024 * 1024)} MiB (Listings:MaxImportBytes)");
        }
    }

    /// <summary>Change one setting of the overlay's generated ConfigMap: every Deployment's pod template must change,
    /// so that `kubectl apply` rolls the pods (kustomize's name hash, or a checksum annotation).</summary>
    [KubectlFact]
    public void A_configuration_change_rolls_every_deployment()
    {
        foreach (var overlay in Overlays.Names)
        {
            var before = Templates(overlays.Render(overlay));
            var kustomization = Path.Combine(overlays.Directory(overlay), "kustomization.yaml");
            var original = File.ReadAllText(kustomization);
            try
            {
                File.WriteAllText(kustomization, original.Replace("Search__ElasticsearchUrl=http://elasticsearch:9200", "Search__ElasticsearchUrl=http://search.changed:9200", StringComparison.Ordinal));
                Assert.NotEqual(original, File.ReadAllText(kustomization));
                var after = Templates(overlays.Render(overlay));
                Assert.Equal(before.Keys.Order(), after.Keys.Order());
                Assert.All(before, b => Assert.True(b.Value != after[b.Key], $"{overlay}: {b.Key}'s pod template is unchanged after a ConfigMap change"));
            }
            finally
            {
                File.WriteAllText(kustomization, original);
            }
        }
    }

    /// <summary>The evaluation overlay is self-contained: every Secret and ConfigMap its pods and ingress name is rendered with it.</summary>
    [KubectlFact]
    public void The_evaluation_overlay_creates_every_secret_and_config_map_it_uses()
    {
        var objects = overlays.Render("evaluation");
        var rendered = objects.Where(o => o is V1Secret or V1ConfigMap).Select(o => $"{o.Kind}/{((IMetadata<V1ObjectMeta>)o).Metadata.Name}").ToHashSet();
        var used = new HashSet<string>();
        foreach (var (_, pod, _) in Overlays.PodTemplates(objects))
        {
            foreach (var volume in pod.Volumes ?? [])
            {
                Add("Secret", volume.Secret?.SecretName);
                Add("ConfigMap", volume.ConfigMap?.Name);
            }

            foreach (var container in (pod.InitContainers ?? []).Concat(pod.Containers))
            {
                foreach (var from in container.EnvFrom ?? [])
                {
                    Add("Secret", from.SecretRef?.Name);
                    Add("ConfigMap", from.ConfigMapRef?.Name);
                }

                foreach (var env in container.Env ?? [])
                {
                    Add("Secret", env.ValueFrom?.SecretKeyRef?.Name);
                    Add("ConfigMap", env.ValueFrom?.ConfigMapKeyRef?.Name);
                }
            }
        }

        foreach (var tls in objects.OfType<V1Ingress>().SelectMany(i => i.Spec.Tls ?? []))
        {
            Add("Secret", tls.SecretName);
        }

        Assert.NotEmpty(used);
        Assert.Empty(used.Except(rendered));

        void Add(string kind, string? name)
        {
            if (name is not null)
            {
                used.Add($"{kind}/{name}");
            }
        }
    }

    private static Dictionary<string, string> Templates(IEnumerable<IKubernetesObject> objects) =>
        objects.OfType<V1Deployment>().ToDictionary(d => d.Metadata.Name, d => KubernetesYaml.Serialize(d.Spec.Template));

    /// <summary>nginx sizes: a number with an optional k or m suffix (powers of 1024).</summary>
    private static long NginxBytes(string size)
    {
        var match = NginxSize().Match(size.Trim());
        Assert.True(match.Success, $"'{size}' is not an nginx size");
        var value = long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return match.Groups[2].Value.ToLowerInvariant() switch
        {
            "k" => value * 1024,
            "m" => value * 1024 * 1024,
            "g" => value * 1024 * 1024 * 1024,
            _ => value,
        };
    }

    [GeneratedRegex("^([0-9]+)([kKmMgG]?)$")]
    private static partial Regex NginxSize();
}
