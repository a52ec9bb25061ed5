using QRCoder;

namespace KotakBlazor.Web.Auth;

/// <summary>A QR code as a PNG data URI for an img tag (the CSP allows data: images; nothing leaves the server).</summary>
public static class QrCodeImage
{
    public static string PngDataUri(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        var png = PngByteQRCodeHelper.GetQRCode(text, QRCodeGenerator.ECCLevel.M, 6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
