package org.seisproc.web;

/// A request the server refuses: an HTTP status (4xx), a message for the user, and the name of
/// the request parameter at fault (null when none). The exception mapper of [WebServer] turns it
/// into the one error shape `{ "error": message, "parameter": name }`.
public final class WebError extends RuntimeException {
    private final int status;
    private final String parameter;

    public WebError(int status, String parameter, String message) {
        super(message);
        this.status = status;
        this.parameter = parameter;
    }

    /// 400: a bad value of `parameter`.
    public static WebError bad(String parameter, String message) {
        return new WebError(400, parameter, message);
    }

    /// 404: `what` does not exist.
    public static WebError notFound(String parameter, String message) {
        return new WebError(404, parameter, message);
    }

    /// 403: refused (outside the root, missing token).
    public static WebError forbidden(String parameter, String message) {
        return new WebError(403, parameter, message);
    }

    public int status() {
        return status;
    }

    public String parameter() {
        return parameter;
    }
}
