using SiteGen.Model;

namespace SiteGen.Rendering.Pages;

/// <summary>The files of <c>templates/assets/</c>, copied as they are.</summary>
internal sealed class AssetFiles(RenderContext r) : IPageKind
{
    public IEnumerable<PlannedFile> Plan() => r.Assets.Select(asset => new PlannedFile(asset.Path, [Inputs.Asset(asset.Path)], () => asset));
}
