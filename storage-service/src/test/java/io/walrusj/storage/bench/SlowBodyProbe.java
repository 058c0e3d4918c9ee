package io.walrusj.storage.bench;

import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.storage.StorageNodeApplication;
import io.walrusj.storage.testing.NodeChain;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Memory of one storage node under slow uploads (issue 12, item 5), a {@code main} in test sources:
 * a node in a child JVM (heap {@code -Xmx1g} like {@code bin/local-network}, {@code -Dprobe.xmx=} to change; G1) on a fake chain with
 * n = 100 (sliver bodies up to 4,390,906 B), then {@code connections} sockets each send the headers
 * of a sliver PUT declaring {@code Content-Length: 4390000} and one body byte. Prints the node's heap
 * used after a full GC ({@code jcmd GC.run}, {@code GC.heap_info}) and its RSS before, while the
 * connections are open and after they are closed. Extra arguments go to the node (e.g.
 * {@code --storage.request-body-budget=...}).
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) io.walrusj.storage.bench.SlowBodyProbe 200
 * </pre>
 */
public final class SlowBodyProbe {
    static final SuiAddress NODE = FakeSuiChain.addr(0xc1);
    static final long DECLARED = 4_390_000;

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        List<String> nodeArgs = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        Path dir = Files.createTempDirectory("slow-body-probe");
        try (FakeSuiChain chain = NodeChain.start(100, 2, Map.of(NODE, IntStream.range(0, 100).boxed().toList()))) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path log = dir.resolve("node.log");
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                    "--add-modules", "jdk.incubator.vector", "-Xmx" + System.getProperty("probe.xmx", "1g"), "-XX:+ExitOnOutOfMemoryError",
                    "-cp", System.getProperty("java.class.path"), StorageNodeApplication.class.getName(),
                    "--server.port=" + port, "--spring.jmx.enabled=false",
                    "--storage.data-dir=" + dir.resolve("node"), "--storage.rpc-url=" + chain.jsonRpcUri(), "--storage.grpc-url=" + chain.grpcUrl(),
                    "--storage.package-id=" + FakeSuiChain.PACKAGE, "--storage.system-object-id=" + FakeSuiChain.SYSTEM,
                    "--storage.staking-object-id=" + FakeSuiChain.STAKING, "--storage.node-id=" + NODE));
            cmd.addAll(nodeArgs);
            Process node = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                awaitActive(port, node);
                Thread.sleep(2000);
                print("before", node);
                byte[] idBytes = new byte[32];
                idBytes[0] = 7;
                BlobId id = BlobId.of(idBytes);
                String head = "PUT /v1/blobs/" + id + "/slivers/0/primary HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/octet-stream\r\nContent-Length: " + DECLARED + "\r\n\r\n";
                List<Socket> sockets = new ArrayList<>();
                int failed = 0;
                for (int i = 0; i < connections; i++) {
                    try {
                        Socket s = new Socket();
                        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                        OutputStream out = s.getOutputStream();
                        out.write(head.getBytes(StandardCharsets.US_ASCII));
                        out.write(1);
                        out.flush();
                        sockets.add(s);
                    } catch (IOException e) {
                        failed++;
                    }
                }
                Thread.sleep(5000);
                int answered = 0;
                for (Socket s : sockets) {
                    s.setSoTimeout(1);
                    try {
                        if (s.getInputStream().read() >= 0) {
                            answered++;
                        }
                    } catch (IOException e) {
                        // nothing answered yet
                    }
                }
                System.out.printf("%d connections opened (%d failed to open), %d already answered, node alive: %s%n",
                        sockets.size(), failed, answered, node.isAlive());
                print("200 slow connections open", node);
                for (Socket s : sockets) {
                    s.close();
                }
                Thread.sleep(3000);
                print("after closing them", node);
            } finally {
                node.destroy();
                node.waitFor();
                System.out.println("node log: " + log);
            }
        }
    }

    static void print(String when, Process node) throws Exception {
        if (!node.isAlive()) {
            System.out.printf("%-28s node exited (code %d)%n", when, node.exitValue());
            return;
        }
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        run(jcmd, String.valueOf(node.pid()), "GC.run");
        String info = run(jcmd, String.valueOf(node.pid()), "GC.heap_info");
        Matcher m = Pattern.compile("committed (\\d+)K, used (\\d+)K").matcher(info);
        String heap = m.find() ? (Long.parseLong(m.group(2)) / 1024) + " MiB used of " + (Long.parseLong(m.group(1)) / 1024)
                + " MiB committed" : info;
        String rss = Files.readAllLines(Path.of("/proc/" + node.pid() + "/status")).stream()
                .filter(l -> l.startsWith("VmRSS")).findFirst().orElse("?").replaceAll("\\s+", " ");
        System.out.printf("%-28s heap %s; %s%n", when, heap, rss);
    }

    static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    static void awaitActive(int port, Process node) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!node.isAlive()) {
                throw new IllegalStateException("node exited");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("Active")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("node not active");
    }
}
