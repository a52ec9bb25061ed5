# syntax=docker/dockerfile:1
# Multi-stage: build with the .NET 10 SDK (the app targets net9.0 self-contained, see
# docs/adr/0001-net9-self-contained.md), run on runtime-deps only, as a non-root user.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The web project's build runs `npm ci` in wwwroot-assets for the chart and hub scripts.
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig KotakBlazor.sln ./
COPY wwwroot-assets/package.json wwwroot-assets/package-lock.json wwwroot-assets/
COPY src/KotakBlazor.Core/KotakBlazor.Core.csproj src/KotakBlazor.Core/
COPY src/KotakBlazor.Infrastructure/KotakBlazor.Infrastructure.csproj src/KotakBlazor.Infrastructure/
COPY src/KotakBlazor.Web/KotakBlazor.Web.csproj src/KotakBlazor.Web/
RUN dotnet restore src/KotakBlazor.Web/KotakBlazor.Web.csproj
COPY wwwroot-assets/ wwwroot-assets/
COPY src/ src/
RUN dotnet publish src/KotakBlazor.Web/KotakBlazor.Web.csproj -c Release --no-restore -o /app

# Self-contained: the 9.0 runtime ships inside /app, so only the native dependencies are needed.
FROM mcr.microsoft.com/dotnet/runtime-deps:9.0 AS final
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /data && chown "$APP_UID" /data
# Plain `Urls` (not ASPNETCORE_URLS) because it must win over appsettings.json.
ENV Urls=http://+:8080 \
    Data__Folder=/data \
    DOTNET_RUNNING_IN_CONTAINER=true
VOLUME /data
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["./KotakBlazor.Web"]
