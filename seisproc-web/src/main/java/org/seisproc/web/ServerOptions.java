package org.seisproc.web;

import java.nio.file.Path;
import java.util.Set;

/// How `seisproc serve` runs.
///
/// @param root  the folder whose datasets and SEG-Y files the server shows; nothing outside it
///              is read, and jobs and exports write only inside it
/// @param host  the address to bind (default `127.0.0.1`)
/// @param port  the TCP port (0: any free port)
/// @param token the access token: required on every state-changing request, and on every request
///              at all when the server binds to an address other than loopback
public record ServerOptions(Path root, String host, int port, String token) {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    public ServerOptions {
        if (root == null || host == null || host.isBlank() || token == null || token.length() < 16) {
            throw new IllegalArgumentException("root, host and a token of at least 16 characters are required");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not a TCP port (0..65535)");
        }
        root = root.toAbsolutePath().normalize();
    }

    /// Options with a fresh random token.
    public static ServerOptions of(Path root, String host, int port) {
        return new ServerOptions(root, host, port, newToken());
    }

    /// True when the server listens on loopback only (no access token needed to read).
    public boolean loopback() {
        return LOOPBACK.contains(host) || host.startsWith("127.");
    }

    /// 128 random bits as hex.
    public static String newToken() {
        byte[] b = new byte[16];
        new java.security.SecureRandom().nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }
}
