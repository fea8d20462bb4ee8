//! The playground page, built for wasm32 by Trunk (see index.html).

#[cfg(target_arch = "wasm32")]
fn main() {
    assoc_playground::ui::install_panic_hook();
    yew::Renderer::<assoc_playground::ui::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The page is built for the browser: run scripts/serve.sh (trunk serve).");
    std::process::exit(2);
}
