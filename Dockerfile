# Multi-stage: build with the SDK, run on the ASP.NET runtime as the image's non-root user.
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig Investment.sln ./
COPY src/Domain/Domain.csproj src/Domain/
COPY src/Api/Api.csproj src/Api/
# For the image's architecture, so that the code is compiled ahead of time (ReadyToRun): the API starts in about
# 1.3 s instead of 1.7 s on 2 cores, and a fresh instance spends less CPU compiling under load.
RUN dotnet restore src/Api/Api.csproj -a $TARGETARCH
COPY src/ src/
RUN dotnet publish src/Api/Api.csproj -c Release -a $TARGETARCH --self-contained false -p:PublishReadyToRun=true -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# The charts need nothing more here: SkiaSharp's native library is the one without fontconfig (it needs only libc,
# libm, libdl, libpthread), published for the image's architecture, and the font is embedded in the assembly.
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080
# A 16 MB young generation: the GC otherwise sizes it from the CPU cache and lets ~60 MB more memory sit in it between
# collections (benchmark: peak 304 -> 242 MB under load, same throughput). Only an environment variable sets it.
ENV DOTNET_GCgen0size=0x1000000
EXPOSE 8080
USER $APP_UID
# The image has no curl: the API checks itself (`healthcheck` asks /health/ready on its own port and exits 0 or 1).
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 CMD ["dotnet", "Investment.Api.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "Investment.Api.dll"]
